print("sysdraft")

CLIMain.run()

SysdraftCommand.main()

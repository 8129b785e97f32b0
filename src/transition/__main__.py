from transition.cli import main

main()

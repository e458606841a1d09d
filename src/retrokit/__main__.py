from retrokit.cli import main

main()

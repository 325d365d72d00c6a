from mentora.cli import main

main()

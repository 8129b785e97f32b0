from transition.run.cli import main

# The guard matters: the runner's worker processes (multiprocessing "spawn") import this module again.
if __name__ == "__main__":
    main()

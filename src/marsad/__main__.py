"""`python -m marsad ...` runs the same command line as the `marsad` script."""
from marsad.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

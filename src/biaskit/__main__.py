"""``python -m biaskit``: the same CLI as the ``biaskit`` console script."""

from biaskit.cli import main

main()

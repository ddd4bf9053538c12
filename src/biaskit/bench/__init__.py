"""Benchmarking: labelled datasets, classifiers side by side, metrics with intervals, training.

Nothing here is imported by ``biaskit score``: the bench pulls in numpy and scikit-learn,
which scoring does not need.
"""

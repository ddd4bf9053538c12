"""Input and output formats. Both are plugins: readers and writers register through the
same hooks a third party uses, so a new format never needs a change to the core."""

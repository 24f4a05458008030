"""One module per screen; each class is ``<Name>Screen(QWidget)`` built in code."""

"""The library in the window: the view, its table model and the controller that feeds them."""

"""The Qt interface: main window, step pages and field widgets. Only this package imports Qt."""

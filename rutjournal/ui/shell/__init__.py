"""The window around the sections: the main window, its menus, tray, first run, settings and shortcuts."""

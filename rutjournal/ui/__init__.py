"""The Qt user interface: it presents the core's services and never writes SQL itself."""

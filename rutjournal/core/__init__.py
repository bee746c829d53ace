"""The Qt-free core: models, migrations, services. Nothing in here may import Qt."""

"""Users: the caller's own account and the console's user management."""

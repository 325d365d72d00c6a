"""Authentication: register, login, refresh-token rotation, logout."""

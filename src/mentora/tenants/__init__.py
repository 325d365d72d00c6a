"""Tenants: the institutions, managed by the platform operator."""

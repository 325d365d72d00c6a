"""Roles: the system roles and each tenant's custom ones."""

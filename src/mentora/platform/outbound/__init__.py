"""Outbound HTTP: the policy every integration shares, and its failures as the contract."""

from mentora.platform.outbound.errors import SERVICE_EXTENSION, external_error_for, handle_outbound_error

__all__ = ["SERVICE_EXTENSION", "external_error_for", "handle_outbound_error"]

"""Adapters to the services Mentora calls: AI providers and LMSs, each behind a small interface."""

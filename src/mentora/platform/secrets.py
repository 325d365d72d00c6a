"""Tenant secrets (AI keys, LMS credentials) encrypted at rest with Fernet.

The key comes from ``MENTORA_SECRETS_KEY`` or is generated into the data directory on
first run. Decrypted values exist only in memory, for the outbound call that needs them.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from mentora.config import Settings
from mentora.platform.keys import load_or_create


class SecretBox:
    def __init__(self, settings: Settings) -> None:
        key = settings.secrets_key or load_or_create(
            settings.data_dir / "keys" / "secrets.fernet", lambda: Fernet.generate_key().decode()
        )
        self._fernet = Fernet(key.encode())

    def seal(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("a stored secret cannot be decrypted with the configured key") from exc

"""Secrets at rest (tenant AI keys and LMS credentials, kept idempotent responses), with Fernet.

The key comes from ``MENTORA_SECRETS_KEY`` or is generated into the data directory on
first run. Decrypted values exist only in memory, for the moment that needs them.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken

from mentora.config import Settings
from mentora.platform.keys import load_or_create


class SecretBox:
    def __init__(self, settings: Settings) -> None:
        key = settings.secrets_key or load_or_create(
            settings.data_dir / "keys" / "secrets.fernet", lambda: Fernet.generate_key().decode()
        )
        self._fernet = Fernet(key.encode())
        # Derived, not the Fernet key itself: a digest never helps anyone decrypt.
        self._digest_key = hashlib.sha256(b"mentora digest\0" + key.encode()).digest()

    def seal(self, plaintext: str) -> str:
        return self.seal_bytes(plaintext.encode()).decode()

    def open(self, sealed: str) -> str:
        return self.open_bytes(sealed.encode()).decode()

    def seal_bytes(self, plaintext: bytes) -> bytes:
        return self._fernet.encrypt(plaintext)

    def open_bytes(self, sealed: bytes) -> bytes:
        try:
            return self._fernet.decrypt(sealed)
        except InvalidToken as exc:
            raise ValueError("a stored secret cannot be decrypted with the configured key") from exc

    def digest(self, data: bytes) -> str:
        """HMAC-SHA256, hex: compares values (a request with a password in it) by a digest
        that nobody without the key can test guesses against."""
        return hmac.new(self._digest_key, data, hashlib.sha256).hexdigest()

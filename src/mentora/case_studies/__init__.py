"""Case studies: the scenarios students work through with the AI tutor."""

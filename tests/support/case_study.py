"""The case study the tutoring tests and the AI-turns benchmark create."""

CASE_STUDY = {
    "title": "Bridge Budget",
    "slug": "bridge-budget",
    "description": "A town must repair a bridge on a shrinking budget.",
    "instructions": ["Name the stakeholders.", "Compare two repair plans.", "Recommend one."],
    "system_prompt": "You are a civic-finance tutor.",
    "first_message": "What makes this decision hard?",
}

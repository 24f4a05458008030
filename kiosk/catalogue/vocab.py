"""Code lists of the catalogue. Their user-facing labels live in the translations
(``assets/translations/<lang>.json`` under ``sector.*``, ``target_group.*``, ...)."""

SECTORS = ("public", "private", "third_sector")
ORGANISER_TYPES = ("municipality", "wellbeing_county", "state", "company", "association", "foundation", "parish")
CHARGE_TYPES = ("free", "charged", "voucher")
CHANNEL_KINDS = ("visit", "video", "phone", "web", "walk_in")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The target groups of the public service product cards.
TARGET_GROUPS = (
    "families_with_children",
    "children_and_young_people",
    "adults",
    "older_people",
    "immigrants",
    "special_support",
    "swedish_speakers",
)

# Life situations a resident recognises themselves in (after PTV's life events).
LIFE_EVENTS = (
    "expecting_a_baby",
    "family_with_children",
    "school_and_youth",
    "health_and_illness",
    "mental_wellbeing",
    "work_and_unemployment",
    "money_and_benefits",
    "housing",
    "ageing_and_care",
    "disability",
    "moving_to_finland",
    "free_time_and_community",
)

# Service classes (a short subset of the national service classification).
SERVICE_CLASSES = (
    "health_care",
    "oral_health",
    "rehabilitation",
    "mental_health_and_substance",
    "social_services",
    "family_services",
    "elderly_services",
    "disability_services",
    "employment",
    "education_and_culture",
    "housing",
    "integration",
    "leisure_and_community",
    "digital_support",
    "legal_and_financial_advice",
)

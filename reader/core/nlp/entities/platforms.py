"""Online platforms and services news names like people ("said on Twitter", "Facebook
removed the post"): the small model often takes them for persons. They are organizations,
the companies that run them, as news annotation treats them.
"""

from __future__ import annotations

# Widely used platforms and services whose names the model mistakes for people's; a name
# here is typed an organization whatever the votes say.
PLATFORM_NAMES = frozenset({
    "Twitter", "Facebook", "Instagram", "YouTube", "Youtube", "TikTok", "WhatsApp", "Telegram",
    "Snapchat", "LinkedIn", "Reddit", "WeChat", "Weibo", "Netflix", "Spotify", "Twitch",
    "Discord", "Mastodon", "Bluesky", "Threads", "Tumblr", "Pinterest", "Skype", "Zoom",
    "Google", "Amazon", "Uber", "Airbnb", "PayPal", "Wikipedia", "Substack", "Patreon",
    "Truth Social", "Parler", "Gab", "Rumble", "Signal", "Viber", "Hulu", "Xbox", "PlayStation",
})

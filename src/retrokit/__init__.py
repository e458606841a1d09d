"""retrokit: marketing campaign retrospectives (复盘) as checkable workbooks."""

__version__ = "0.1.0"

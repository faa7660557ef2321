"""The report in open formats: ClaimReview, W3C Web Annotations, data files and an Atom feed.

Everything here takes the checked Report and the Site it is published at, and returns files
as {path under the site folder: bytes}: the same bytes for the same records, with no clock.
"""

"""News knowledge on extracted text: per-document boilerplate, structure, attribution and dates.

- :mod:`khabar.news.boilerplate` -- ``strip_boilerplate(text)``: duplicated title, footer tail,
  share/ads/credit lines; runs on the raw text, before orthography repair.
- :mod:`khabar.news.structure` -- ``structure(text, title_hint=...)``: title, lead, body, byline.
- :mod:`khabar.news.attribution` -- ``parse_attribution(text)``, ``agency_for_domain(domain)``,
  with the gazetteer of :mod:`khabar.news.gazetteer` (``data/agencies.tsv``).
- dates (``find_dates(text)``, ``parse_date(value)``) and calendar arithmetic live in
  :mod:`khabar.dates`, below both this package and :mod:`khabar.extract`;
  ``khabar.news.dates`` and ``khabar.news.calendars`` still import them.

Nothing is imported here, so ``import khabar.news`` stays free.
"""

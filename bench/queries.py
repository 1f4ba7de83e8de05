"""The fixed query set. Each is a real /records/ URL: the page measured is the whole results page (results,
highlighted snippets and every filter's counts)."""

QUERIES = {
    "broad term": "q=housing",
    "rare term": "q=lidar",
    "phrase": "q=%22adult+social+care%22",
    "misspelling": "q=homelesness",
    "filters, no words": "phase=production&function=social-protection",
    "words and two filters": "q=fraud&phase=production&region=london",
    "first page, nothing chosen": "",
}

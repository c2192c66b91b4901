"""Two-way sync with a Google Reader API server: ``client`` (the HTTP API), ``password`` (where
the password comes from), ``engine`` (push the queued changes, pull subscriptions, items and
their read/starred state into the cache). Core: never imports textual."""

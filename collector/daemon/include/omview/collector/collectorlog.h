// The collector daemon's logging category (omview.collector): under systemd
// its stderr goes to the journal.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCollector)

#include "logging.h"

Q_LOGGING_CATEGORY(lcSession, "omview.console.session", QtInfoMsg)

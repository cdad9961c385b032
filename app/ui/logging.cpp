#include "logging.h"

Q_LOGGING_CATEGORY(lcUi, "omview.console.ui", QtInfoMsg)

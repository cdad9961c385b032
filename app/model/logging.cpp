#include "logging.h"

Q_LOGGING_CATEGORY(lcModel, "omview.console.model", QtInfoMsg)

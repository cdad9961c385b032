#include "logging.h"

Q_LOGGING_CATEGORY(lcHistory, "omview.history", QtInfoMsg)

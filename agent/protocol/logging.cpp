#include "logging.h"

Q_LOGGING_CATEGORY(lcProtocol, "omview.protocol", QtInfoMsg)

// The logging category of omprocsui (private).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProcsUi)

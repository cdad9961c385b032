#include "samplerlog.h"

namespace omview::sampler {
Q_LOGGING_CATEGORY(lcSampler, "omview.sampler")
}

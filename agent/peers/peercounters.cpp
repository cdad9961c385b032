#include <omview/peers/peercounters.h>

namespace omview::peers {

void PeerCounters::count(DropReason reason) {
    switch (reason) {
    case DropReason::Malformed:
        ++malformed;
        break;
    case DropReason::BadMac:
        ++badMac;
        break;
    case DropReason::UnknownSender:
        ++unknownSender;
        break;
    case DropReason::Replayed:
        ++replayed;
        break;
    case DropReason::Stale:
        ++stale;
        break;
    case DropReason::ReplayCacheFull:
        ++replayCacheFull;
        break;
    }
}

const char *dropReasonName(DropReason reason) {
    switch (reason) {
    case DropReason::Malformed:
        return "malformed";
    case DropReason::BadMac:
        return "bad MAC";
    case DropReason::UnknownSender:
        return "unknown sender";
    case DropReason::Replayed:
        return "replayed";
    case DropReason::Stale:
        return "timestamp outside the clock skew";
    case DropReason::ReplayCacheFull:
        return "replay cache full";
    }
    return "?";
}

} // namespace omview::peers

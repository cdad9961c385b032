// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
// The headers used from C++ as the agent uses them: no extern "C" around
// them, every function linking against the C library.
#include <cstdio>
#include <cstring>
#include <hpc/balance.h>
#include <hpc/decay.h>
#include <hpc/load.h>
#include <hpc/map.h>
#include <hpc/text.h>
#include <hpc/tune.h>
#include <memory>

namespace {

int failures = 0;

void check(bool ok, const char *what) {
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what);
        ++failures;
    }
}

} // namespace

int main() {
    const hpc_overheads o = HPC_OVERHEADS_DEFAULT;
    check(hpc_check_overheads(&o) == 0, "hpc_check_overheads");
    check(hpc_load_units(128, HPC_STD_SPEED, HPC_STD_SPEED, 1) == 100, "hpc_load_units");

    const hpc_decay_params d{1, 975, 926};
    hpc_pstat p{};
    check(hpc_pstat_tick(&p, 1000000000u, &d) && p.usage_pm == 25, "hpc_pstat_tick");

    auto map = std::make_unique<hpc_map>();
    const char text[] = "1 192.168.1.1 4\n";
    const hpc_map_result r = hpc_map_parse(map.get(), text, sizeof text - 1);
    check(r.error == HPC_MAP_OK && hpc_map_nodes(map.get()) == 4, "hpc_map_parse");
    check(std::strcmp(hpc_map_strerror(HPC_MAP_E_ID), "ID not a number in 1..65535") == 0,
          "hpc_map_strerror");

    const hpc_node_view self{1, HPC_ST_UP, 0, HPC_STD_SPEED, 1, 100, 100};
    const hpc_decision dec = hpc_balance(&self, nullptr, 0, nullptr, 0, &o, HPC_STD_SPEED);
    check(dec.reason == HPC_REASON_NONE, "hpc_balance");

    u32 pid = 0, target = 0;
    check(hpc_parse_migrate("5 home", 6, &pid, &target) == 0 && target == HPC_TARGET_HOME,
          "hpc_parse_migrate");
    u32 node = 0;
    check(hpc_parse_where("5 exited\n", 9, &pid, &node) == 0 && node == HPC_WHERE_EXITED,
          "hpc_parse_where");
    hpc_guests_cmd g{};
    check(hpc_parse_guests("add 5 2 7", 9, &g) == 0 && g.add && g.home_id == 2 && g.home_pid == 7,
          "hpc_parse_guests");
    return failures == 0 ? 0 : 1;
}

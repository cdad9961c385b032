/* One synthetic process of bench_sampler: it waits to be killed. Its argument
 * (its index) only makes each command line different. */
#include <unistd.h>

int main(void) {
    for (;;)
        pause();
}

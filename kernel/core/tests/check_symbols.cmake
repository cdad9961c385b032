cmake_minimum_required(VERSION 3.25)
# Fails when the freestanding core objects need a symbol that neither they
# define nor the kernel provides to every module (the compiler may emit the
# mem* calls for struct copies, and the stack protector's failure hook).
string(REPLACE "|" ";" objects "${OBJECTS}")
set(allowed memcpy memset memmove __stack_chk_fail)

execute_process(COMMAND ${NM} -u ${objects}
                OUTPUT_VARIABLE undefined RESULT_VARIABLE rc1)
execute_process(COMMAND ${NM} -g --defined-only ${objects}
                OUTPUT_VARIABLE defined RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "nm failed on: ${objects}")
endif()

string(REGEX MATCHALL "[A-Za-z] [A-Za-z_][A-Za-z0-9_]*" defs "${defined}")
set(have ${allowed})
foreach(d IN LISTS defs)
  string(REGEX REPLACE "^. " "" name "${d}")
  list(APPEND have ${name})
endforeach()

string(REGEX MATCHALL "U [A-Za-z_][A-Za-z0-9_.]*" uses "${undefined}")
set(missing)
foreach(u IN LISTS uses)
  string(REGEX REPLACE "^U " "" name "${u}")
  if(NOT name IN_LIST have)
    list(APPEND missing ${name})
  endif()
endforeach()
if(missing)
  list(REMOVE_DUPLICATES missing)
  message(FATAL_ERROR "kernel/core needs symbols from outside: ${missing}")
endif()
list(LENGTH objects n)
message(STATUS "${n} objects, no outside symbols")

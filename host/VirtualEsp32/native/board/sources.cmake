# What the nanoCLR build needs to know about native/board (included by host/VirtualEsp32/CMakeLists.txt, in the
# directory that defines the nanoCLR target). The .cpp files here are compiled by the build's glob like every other
# folder's; nothing from nf-interpreter is compiled for this folder (the natives are written from the stubs).
#
# The generated System.Device.Gpio header (build/gen/sys_dev_gpio_native.h) defines enum PinMode with the same
# enumerators as nf-interpreter's src/PAL/Include/CPU_GPIO_decl.h, which nanoHAL.h includes: the generated table's
# file fails with "multiple definition of 'enum PinMode'" unless that header is kept out, as our GPIO natives do with
# #define DRIVERS_GPIO_DECL_H. VESP32_GEN names the folder of the generated tables.
#
# The harness (harness/board_harness.cpp) has a main() and compiles to nothing without VESP32_BOARD_HARNESS.
if(DEFINED VESP32_GEN)
  set_property(SOURCE "${VESP32_GEN}/sys_dev_gpio_native.cpp" APPEND PROPERTY COMPILE_DEFINITIONS DRIVERS_GPIO_DECL_H)
endif()

# Boot sector of the Bochs harness: the BIOS loads it at 0x7c00. It enables A20, enters 32-bit protected
# mode with a flat GDT, stops (the adapter then writes the harness into guest memory) and jumps to the
# harness's home entry.
# Assembled with GNU as (binutils), from this folder:
#   as boot.S -o boot.o && ld -Ttext 0x7c00 --oformat binary boot.o -o ../resources/org/gmck/bochs/machine/boot.bin
        .intel_syntax noprefix
        .set HOME, 0x3F803000
        .code16
        .text
start:
        cli
        xor ax, ax
        mov ds, ax
        in al, 0x92
        or al, 2
        and al, 0xFE
        out 0x92, al
        lgdt [gdtr]
        mov eax, cr0
        or eax, 1
        mov cr0, eax
        ljmp 0x18, offset pm
        .code32
pm:
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov esp, 0x7000
        xchg bx, bx
        mov eax, HOME
        jmp eax
        .balign 8
gdt:
        .quad 0
        .quad 0
        .quad 0x00CF93000000FFFF
        .quad 0x00CF9B000000FFFF
gdtr:
        .word 31
        .long gdt
        .org 510
        .byte 0x55, 0xAA

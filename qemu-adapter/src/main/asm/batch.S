/*
 * The QEMU adapter's batch loop: one code page mapped at page 8 of the harness window, run with the
 * harness tables loaded. For each prepared case record it writes the case's words into guest RAM, loads
 * the case's control registers, protection keys and CR2, and IRETs to the access with RFLAGS.TF set, so
 * that after one instruction (or at the fault that stops it) an exception enters the handler. The handler
 * records vector, error code, the RIP it pushed and CR2, goes back to the harness tables, reads the case's
 * words back, clears them and takes the next record. At the end the loop reaches `done`, where the host
 * has a breakpoint.
 *
 * 64-bit code at offset 0 uses R15 as the window address of the control page (window page 9); the
 * 32-bit code at 0x800 uses absolute addresses of the legacy window at 0xFFE00000.
 *
 * Assemble (the result is checked in as src/main/resources/org/gmck/qemu/machine/batch.bin):
 *   as --64 -o batch.o batch.S && objcopy -O binary -j .text batch.o batch.bin
 * BatchLayoutTest pins the offsets below to the Java constants in BatchLayout.
 */

/* control page (window page 9) */
.equ D_COUNT, 0x00
.equ D_REC, 0x08
.equ D_RES, 0x10
.equ D_HCR3, 0x18
.equ D_HCR4, 0x20
.equ D_HCR0, 0x28
.equ D_KTOP, 0x30
.equ D_SAVED, 0x38
.equ D_VEC, 0x40
.equ D_EC, 0x48
.equ D_RIP, 0x50
.equ D_CR2, 0x58
.equ D_PT64, 0x60
.equ D_NPTE, 0x68
.equ D_LDT, 0x70
.equ D_CUR, 0x100

/* case record (in identity-mapped RAM) */
.equ R_CR3, 0x00
.equ R_CR0, 0x08
.equ R_CR4, 0x10
.equ R_EFER, 0x18
.equ R_PKRU, 0x20
.equ R_PKRS, 0x28
.equ R_FLAGS, 0x30
.equ R_RIP, 0x38
.equ R_CS, 0x40
.equ R_RFLAGS, 0x48
.equ R_RSP, 0x50
.equ R_SS, 0x58
.equ R_RAX, 0x60
.equ R_RBX, 0x68
.equ R_CR2, 0x70
.equ R_KEY, 0x78
.equ R_SAVE, 0x80
.equ R_PLANT, 0x88
.equ R_LDT0, 0x90
.equ R_LDT1, 0x98
.equ R_WORDS, 0xA0
.equ R_NWORDS, 0xA8
.equ REC_SIZE, 0xB0
.equ RES_HEAD, 0x20

.equ F_PKRU, 1
.equ F_PKRS, 2
.equ F_IMPLICIT, 4

/* legacy window, control page */
.equ WIN32, 0xFFE00000
.equ CTL32, WIN32 + 0x9000
.equ USER_DATA, 0x2B
.equ DATA0, 0x10

    .text
    .code64
loop64:
    cmpq $0, D_COUNT(%r15)
    je done64
    mov D_REC(%r15), %rsi
    lea D_CUR(%r15), %rdi
    mov $16, %ecx
    rep movsq
    mov D_REC(%r15), %rsi
    mov R_WORDS(%rsi), %rbx
    mov R_NWORDS(%rsi), %rcx
    test %rcx, %rcx
    jz 2f
1:  mov (%rbx), %rax
    mov 8(%rbx), %rdx
    mov %rdx, (%rax)
    add $16, %rbx
    dec %rcx
    jnz 1b
2:  mov R_SAVE(%rsi), %rax
    cmp $-1, %rax
    je 3f
    mov (%rax), %dl
    mov %dl, D_SAVED(%r15)
    cmpq $0, R_PLANT(%rsi)
    je 3f
    movb $0x90, (%rax)
3:  mov D_PT64(%r15), %rbx
    mov D_NPTE(%r15), %rcx
    mov R_KEY(%rsi), %rdx
    movabs $0x87FFFFFFFFFFFFFF, %r8
4:  mov (%rbx), %rax
    and %r8, %rax
    or %rdx, %rax
    mov %rax, (%rbx)
    add $8, %rbx
    dec %rcx
    jnz 4b
    testq $F_IMPLICIT, R_FLAGS(%rsi)
    jz 5f
    mov D_LDT(%r15), %rbx
    mov R_LDT0(%rsi), %rax
    mov %rax, (%rbx)
    mov R_LDT1(%rsi), %rax
    mov %rax, 8(%rbx)
    mov $0x60, %eax
    lldt %ax
    /* EFER, IA32_PKRS and PKRU are written only when they change (QEMU flushes its TLB on some) */
5:  mov $0xC0000080, %ecx
    rdmsr
    cmp D_CUR+R_EFER(%r15), %eax
    je 6f
    mov D_CUR+R_EFER(%r15), %eax
    mov D_CUR+R_EFER+4(%r15), %edx
    wrmsr
    /* IA32_PKRS before CR4: once CR4.PKS is set, the key of the window pages must already be allowed */
6:  testq $F_PKRS, D_CUR+R_FLAGS(%r15)
    jz 7f
    mov $0x6E1, %ecx
    rdmsr
    cmp D_CUR+R_PKRS(%r15), %eax
    je 7f
    mov D_CUR+R_PKRS(%r15), %eax
    xor %edx, %edx
    wrmsr
    /* CR0 and CR4 only when they change: each write flushes QEMU's TLB */
7:  mov D_CUR+R_CR0(%r15), %rax
    mov %cr0, %rdx
    cmp %rax, %rdx
    je 8f
    mov %rax, %cr0
8:  mov D_CUR+R_CR4(%r15), %rax
    mov %cr4, %rdx
    cmp %rax, %rdx
    je 9f
    mov %rax, %cr4
9:
    /* PKRU (WRPKRU needs CR4.PKE); it governs user pages only, which the loop does not touch */
    testq $F_PKRU, D_CUR+R_FLAGS(%r15)
    jz 6f
    xor %ecx, %ecx
    rdpkru
    cmp D_CUR+R_PKRU(%r15), %eax
    je 6f
    mov D_CUR+R_PKRU(%r15), %eax
    xor %ecx, %ecx
    xor %edx, %edx
    wrpkru
6:  mov D_CUR+R_CR2(%r15), %rax
    mov %rax, %cr2
    mov D_KTOP(%r15), %rsp
    pushq D_CUR+R_SS(%r15)
    pushq D_CUR+R_RSP(%r15)
    pushq D_CUR+R_RFLAGS(%r15)
    pushq D_CUR+R_CS(%r15)
    pushq D_CUR+R_RIP(%r15)
    mov D_CUR+R_RBX(%r15), %rbx
    mov D_CUR+R_RAX(%r15), %rax
    mov $4, %ecx
    mov D_CUR+R_CR3(%r15), %rdx
    mov %rdx, %cr3
iret64:
    iretq
done64:
    hlt
    jmp done64

common64:
    popq D_VEC(%r15)
    popq D_EC(%r15)
    popq D_RIP(%r15)
    mov %cr2, %rax
    mov %rax, D_CR2(%r15)
    mov D_HCR3(%r15), %rax
    mov %rax, %cr3
    /* the harness runs under the case's CR0 and CR4, except CR4.PKS (its pages have key 0) */
    mov %cr4, %rax
    btr $24, %rax
    jnc 1f
    mov %rax, %cr4
1:  mov D_KTOP(%r15), %rsp
    xor %eax, %eax
    mov %ax, %fs
    mov D_RES(%r15), %rdi
    mov D_VEC(%r15), %rax
    mov %rax, (%rdi)
    mov D_EC(%r15), %rax
    mov %rax, 8(%rdi)
    mov D_RIP(%r15), %rax
    mov %rax, 16(%rdi)
    mov D_CR2(%r15), %rax
    mov %rax, 24(%rdi)
    add $RES_HEAD, %rdi
    mov D_REC(%r15), %rsi
    mov R_WORDS(%rsi), %rbx
    mov R_NWORDS(%rsi), %rcx
    test %rcx, %rcx
    jz 2f
1:  mov (%rbx), %rax
    mov (%rax), %rdx
    mov %rdx, (%rdi)
    add $8, %rdi
    add $16, %rbx
    dec %rcx
    jnz 1b
2:  mov R_SAVE(%rsi), %rax
    cmp $-1, %rax
    je 3f
    mov D_SAVED(%r15), %dl
    mov %dl, (%rax)
3:  mov R_WORDS(%rsi), %rbx
    mov R_NWORDS(%rsi), %rcx
    test %rcx, %rcx
    jz 5f
4:  mov (%rbx), %rax
    movq $0, (%rax)
    add $16, %rbx
    dec %rcx
    jnz 4b
5:  mov %rdi, D_RES(%r15)
    addq $REC_SIZE, D_REC(%r15)
    decq D_COUNT(%r15)
    jmp loop64

.macro VEC64 v
    .balign 16
    .if (\v == 8) || ((\v >= 10) && (\v <= 14)) || (\v == 17) || (\v == 21) || (\v == 29) || (\v == 30)
    .else
    pushq $0
    .endif
    pushq $\v
    jmp common64
.endm

    .balign 16
vectors64:
    .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    VEC64 \v
    .endr

    .org 0x800
    .code32
loop32:
    cmpl $0, CTL32+D_COUNT
    je done32
    mov CTL32+D_REC, %esi
    mov $CTL32+D_CUR, %edi
    mov $32, %ecx
    rep movsl
    mov CTL32+D_REC, %esi
    mov R_WORDS(%esi), %ebx
    mov R_NWORDS(%esi), %ecx
    test %ecx, %ecx
    jz 2f
1:  mov (%ebx), %eax
    mov 8(%ebx), %edx
    mov %edx, (%eax)
    mov 12(%ebx), %edx
    mov %edx, 4(%eax)
    add $16, %ebx
    dec %ecx
    jnz 1b
2:  mov R_SAVE(%esi), %eax
    cmp $-1, %eax
    je 3f
    mov (%eax), %dl
    mov %dl, CTL32+D_SAVED
    cmpl $0, R_PLANT(%esi)
    je 3f
    movb $0x90, (%eax)
3:  testl $F_IMPLICIT, R_FLAGS(%esi)
    jz 5f
    mov CTL32+D_LDT, %ebx
    mov R_LDT0(%esi), %eax
    mov %eax, (%ebx)
    mov R_LDT0+4(%esi), %eax
    mov %eax, 4(%ebx)
    mov $0x60, %eax
    lldt %ax
5:  mov $0xC0000080, %ecx
    mov CTL32+D_CUR+R_EFER, %eax
    mov CTL32+D_CUR+R_EFER+4, %edx
    wrmsr
    mov CTL32+D_CUR+R_CR0, %eax
    mov %cr0, %edx
    cmp %eax, %edx
    je 8f
    mov %eax, %cr0
8:  mov CTL32+D_CUR+R_CR4, %eax
    mov %cr4, %edx
    cmp %eax, %edx
    je 9f
    mov %eax, %cr4
9:
    mov CTL32+D_CUR+R_CR2, %eax
    mov %eax, %cr2
    mov CTL32+D_KTOP, %esp
    testl $3, CTL32+D_CUR+R_CS
    jz 6f
    pushl CTL32+D_CUR+R_SS
    pushl CTL32+D_CUR+R_RSP
6:  pushl CTL32+D_CUR+R_RFLAGS
    pushl CTL32+D_CUR+R_CS
    pushl CTL32+D_CUR+R_RIP
    mov CTL32+D_CUR+R_RBX, %ebx
    mov CTL32+D_CUR+R_RAX, %eax
    mov CTL32+D_CUR+R_CR3, %edx
    testl $3, CTL32+D_CUR+R_CS
    jz 7f
    mov $USER_DATA, %ecx
    mov %cx, %ds
    mov %cx, %es
7:  mov $4, %ecx
    mov %edx, %cr3
iret32:
    iret
done32:
    hlt
    jmp done32

common32:
    mov $DATA0, %eax
    mov %ax, %ds
    mov %ax, %es
    popl CTL32+D_VEC
    popl CTL32+D_EC
    popl CTL32+D_RIP
    mov %cr2, %eax
    mov %eax, CTL32+D_CR2
    mov CTL32+D_HCR3, %eax
    mov %eax, %cr3
    /* the harness runs under the case's CR0 and CR4 (protection keys do not apply outside long mode) */
    mov CTL32+D_KTOP, %esp
    xor %eax, %eax
    mov %ax, %fs
    mov CTL32+D_RES, %edi
    mov CTL32+D_VEC, %eax
    mov %eax, (%edi)
    movl $0, 4(%edi)
    mov CTL32+D_EC, %eax
    mov %eax, 8(%edi)
    movl $0, 12(%edi)
    mov CTL32+D_RIP, %eax
    mov %eax, 16(%edi)
    movl $0, 20(%edi)
    mov CTL32+D_CR2, %eax
    mov %eax, 24(%edi)
    movl $0, 28(%edi)
    add $RES_HEAD, %edi
    mov CTL32+D_REC, %esi
    mov R_WORDS(%esi), %ebx
    mov R_NWORDS(%esi), %ecx
    test %ecx, %ecx
    jz 2f
1:  mov (%ebx), %eax
    mov (%eax), %edx
    mov %edx, (%edi)
    mov 4(%eax), %edx
    mov %edx, 4(%edi)
    add $8, %edi
    add $16, %ebx
    dec %ecx
    jnz 1b
2:  mov R_SAVE(%esi), %eax
    cmp $-1, %eax
    je 3f
    mov CTL32+D_SAVED, %dl
    mov %dl, (%eax)
3:  mov R_WORDS(%esi), %ebx
    mov R_NWORDS(%esi), %ecx
    test %ecx, %ecx
    jz 5f
4:  mov (%ebx), %eax
    movl $0, (%eax)
    movl $0, 4(%eax)
    add $16, %ebx
    dec %ecx
    jnz 4b
5:  mov %edi, CTL32+D_RES
    addl $REC_SIZE, CTL32+D_REC
    decl CTL32+D_COUNT
    jmp loop32

.macro VEC32 v
    .balign 16
    .if (\v == 8) || ((\v >= 10) && (\v <= 14)) || (\v == 17) || (\v == 21) || (\v == 29) || (\v == 30)
    .else
    pushl $0
    .endif
    pushl $\v
    jmp common32
.endm

    .balign 16
vectors32:
    .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    VEC32 \v
    .endr
    .org 0x1000

# Guest code of the Bochs harness: one 4 KiB code page, position independent (it runs at the harness's
# identity address and at the window). Offsets are pinned with .org; Harness.java names them.
# Assembled with GNU as (binutils), from this folder:
#   as harness.S -o harness.o && ld -Ttext 0 --oformat binary harness.o -o ../resources/org/gmck/bochs/machine/harness.bin
# HarnessImageTest checks the offsets Harness.java pins against the bytes.
        .intel_syntax noprefix
        .set DATA, 0x4000          # data page, relative to the code page
        .set KSTACK, 0x3000        # kernel stack top, relative to the code page
        .set USTACK, 0x4000        # user stack top (user stack page is code+0x3000)
        .set UCODE, 0x1000         # user code page, relative to the code page
        .text
code:
# ---- 0x000 home: 32-bit protected mode, paging off, identity ----
        .code32
home:
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov fs, ax
        mov gs, ax
        call 1f
1:      pop ebp
        sub ebp, offset 1b - code
        lea esp, [ebp + KSTACK]
        lea edi, [ebp + DATA]
        lgdt [edi + 0x200]
        xchg bx, bx                 # stop: the outcome is read and the next query written
home_stop:
        lea edi, [ebp + DATA]
        mov dword ptr [edi + 0x120], 1
        mov ecx, 0xC0000080
        mov eax, [edi + 0x08]
        and eax, 0xFFFFFBFF         # never write LMA
        mov edx, [edi + 0x0C]
        wrmsr
        mov eax, [edi + 0x30]
        mov cr4, eax
        mov eax, [edi + 0x28]
        mov cr3, eax
        mov eax, cr0
        or eax, 0x80000001
        and eax, 0xFFFEFFFF         # WP off while on the boot tables
        mov cr0, eax
        cmp dword ptr [edi], 3
        jae 2f
        mov eax, [edi + 0x38]
        add eax, 0x3000 + (win32 - code)
        jmp eax
2:      push 0x08
        lea eax, [ebp + (entry64 - code)]
        push eax
        retf
# ---- 0x200 entry64: 64-bit code at the identity address ----
        .org 0x200
        .code64
entry64:
        lea rdi, [rip + code + DATA]
        mov rax, [rdi + 0x38]
        add rax, 0x3000 + (win64 - code)
        jmp rax
# ---- 0x280 back home from long mode (compatibility mode, identity) ----
        .org 0x280
        .code32
home_from_long:
        call 1f
1:      pop ebp
        sub ebp, offset 1b - code
        lgdt [ebp + DATA + 0x200]   # the identity GDT: the window is gone once paging is off
        mov eax, cr0
        and eax, 0x7FFFFFFF
        mov cr0, eax
        mov ecx, 0xC0000080
        xor eax, eax
        xor edx, edx
        wrmsr
        xor eax, eax
        mov cr4, eax
        jmp home
# ---- 0x2c0 back home from legacy paging (identity) ----
        .org 0x2c0
home_legacy:
        call 1f
1:      pop ebp
        sub ebp, offset 1b - code
        lgdt [ebp + DATA + 0x200]   # the identity GDT: the window is gone once paging is off
        mov eax, cr0
        and eax, 0x7FFFFFFF
        mov cr0, eax
        mov ecx, 0xC0000080
        xor eax, eax
        xor edx, edx
        wrmsr
        xor eax, eax
        mov cr4, eax
        jmp home
# ---- 0x300 win64: 64-bit code at the window, boot tables loaded ----
        .org 0x300
        .code64
win64:
        lea rdi, [rip + code + DATA]
        mov dword ptr [rdi + 0x120], 2
        lgdt [rdi + 0x210]
        lidt [rdi + 0x220]
        lea rax, [rip + code - 0x3000]
        and byte ptr [rax + 0x40 + 5], 0xFD
        mov ax, 0x40
        ltr ax
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov ss, ax
        lea rsp, [rip + code + KSTACK]
        mov dword ptr [rdi + 0x120], 3
        mov rax, [rdi + 0x18]
cr3_64:
        mov cr3, rax
        mov dword ptr [rdi + 0x120], 4
        mov rax, [rdi + 0x20]
        mov cr4, rax
        test byte ptr [rdi + 0x70], 1   # PKRU before CR0.WP and before any write: the old PKRU may
        jz 1f                           # write-disable the harness's key (Bochs applies it to supervisor pages)
        xor ecx, ecx
        xor edx, edx
        mov eax, [rdi + 0x40]
        wrpkru
1:      test byte ptr [rdi + 0x70], 2
        jz 1f
        mov ecx, 0x6E1
        xor edx, edx
        mov eax, [rdi + 0x48]
        wrmsr
1:      mov rax, [rdi + 0x10]
        mov cr0, rax
        mov dword ptr [rdi + 0x120], 6
        mov rbx, [rdi + 0x68]
        mov rcx, [rdi + 0x60]
        mov rdx, [rdi + 0x80]
        cmp byte ptr [rdi + 0x50], 3
        je 2f
        lea rax, [rip + code]
        add rax, rcx
        push qword ptr [rdi + 0x58]
        popfq
        jmp rax
2:      push 0x2B
        lea rax, [rip + code + USTACK]
        push rax
        push qword ptr [rdi + 0x58]
        push 0x23
        lea rax, [rip + code + UCODE]
        add rax, rcx
        push rax
        iretq
# ---- 0x480 win32: 32-bit code at the window, boot tables loaded ----
        .org 0x480
        .code32
win32:
        call 1f
1:      pop ebp
        sub ebp, offset 1b - code
        lea edi, [ebp + DATA]
        mov dword ptr [edi + 0x120], 2
        lgdt [edi + 0x210]
        lidt [edi + 0x220]
        and byte ptr [ebp - 0x3000 + 0x50 + 5], 0xFD
        mov ax, 0x50
        ltr ax
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov ss, ax
        lea esp, [ebp + KSTACK]
        mov dword ptr [edi + 0x120], 3
        mov eax, [edi + 0x18]
cr3_32:
        mov cr3, eax
        mov dword ptr [edi + 0x120], 4
        mov eax, [edi + 0x20]
        mov cr4, eax
        mov eax, [edi + 0x10]
        mov cr0, eax
        mov dword ptr [edi + 0x120], 6
        mov ebx, [edi + 0x68]
        mov ecx, [edi + 0x60]
        mov edx, [edi + 0x80]
        cmp byte ptr [edi + 0x50], 3
        je 2f
        lea eax, [ebp + ecx]
        push dword ptr [edi + 0x58]
        popfd
        jmp eax
2:      mov ax, 0x2B
        mov ds, ax
        mov es, ax
        push 0x2B
        lea eax, [ebp + USTACK]
        push eax
        push dword ptr [edi + 0x58]
        push 0x33
        lea eax, [ebp + UCODE]
        add eax, ecx
        push eax
        iretd
# ---- 0x600 access stubs (the same bytes in 32-bit and 64-bit code) ----
        .org 0x600
        mov al, [ebx]
        ud2
        .org 0x610
        mov [ebx], al
        ud2
        .org 0x620
        jmp ebx
        .org 0x630
        mov cx, 4
        lldt dx
        mov fs, cx
        ud2
# ---- 0x700 common64: record the exception, go home ----
        .org 0x700
        .code64
common64:
        pop rax
        lea rdi, [rip + code + DATA]
        mov [rdi + 0x100], rax
        xor ecx, ecx
        cmp al, 8
        je 1f
        cmp al, 17
        je 1f
        cmp al, 10
        jb 2f
        cmp al, 14
        ja 2f
1:      pop rcx
2:      mov [rdi + 0x108], rcx
        mov rax, cr2
        mov [rdi + 0x110], rax
        mov rax, [rsp]
        mov [rdi + 0x118], rax
        xchg bx, bx                 # stop: the outcome can be read while the test's paging is live
outcome_stop64:
        mov ax, 0x10                # compatibility mode needs usable data and stack segments
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov rax, [rdi + 0x30]
        mov cr4, rax
        mov rax, [rdi + 0x28]
        mov cr3, rax
        mov rsp, [rdi + 0x78]
        add rsp, KSTACK
        push 0x18
        mov rax, [rdi + 0x78]
        add rax, home_from_long - code
        push rax
        retfq
# ---- 0x780 common32 ----
        .org 0x780
        .code32
common32:
        pop eax
        call 1f
1:      pop edi
        add edi, offset code + DATA - 1b
        mov [edi + 0x100], eax
        xor ecx, ecx
        cmp al, 8
        je 1f
        cmp al, 17
        je 1f
        cmp al, 10
        jb 2f
        cmp al, 14
        ja 2f
1:      pop ecx
2:      mov [edi + 0x108], ecx
        mov eax, cr2
        mov [edi + 0x110], eax
        mov eax, [esp]
        mov [edi + 0x118], eax
        xchg bx, bx
outcome_stop32:
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov eax, [edi + 0x30]
        mov cr4, eax
        mov eax, [edi + 0x28]
        mov cr3, eax
        mov esp, [edi + 0x78]
        add esp, KSTACK
        mov eax, [edi + 0x78]
        add eax, home_legacy - code
        jmp eax
# ---- 0x800 handlers: 64-bit gates (v at 0x800 + 8v), 32-bit gates (0x900 + 8v) ----
        .org 0x800
        .code64
        .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .balign 8
        push \v
        jmp common64
        .endr
        .org 0x900
        .code32
        .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .balign 8
        push \v
        jmp common32
        .endr
        .org 0x1000

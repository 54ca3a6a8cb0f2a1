# Guest code of the Bochs harness: one 4 KiB code page, position independent (it runs at the harness's
# identity address and at the window). Offsets are pinned with .org; Harness.java names them.
# Assembled with GNU as (binutils), from this folder:
#   as harness.S -o harness.o && ld -Ttext 0 --oformat binary harness.o -o ../resources/org/gmck/bochs/machine/harness.bin
# HarnessImageTest checks the offsets Harness.java pins against the bytes.
# One query at a time, the debugger sets the query up and the guest stops at home_stop and at the outcome stop;
# in batches (a non-zero word at data+0x300) the loop at batch_home sets each query up and takes its outcome,
# and the guest stops only at batch_stop, once a round.
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
        cmp dword ptr [edi + 0x300], 0
        jne batch_home              # a batch: the guest loop takes the outcome and sets up the next query
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
        cmp dword ptr [rdi + 0x300], 0
        jne outcome_stop64          # a batch goes home without stopping
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
        cmp dword ptr [edi + 0x300], 0
        jne outcome_stop32
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

# ---- 0xa00 the batch loop: at home (32-bit, paging off, identity), ebp = code page, edi = data page ----
# A batch is a list of query records read from the first ATA disk (LBA 0: a header sector, then the records)
# into the input buffer; each record lists the 8-byte-or-smaller writes that set the query up (its memory,
# the hook, the harness's parameters) and the words to read back afterwards. For each query the loop applies
# the writes, runs the query through the single-query path above (which returns home), copies the outcome
# and the words read back (zeroing them) into the result buffer. At the end of the list it writes the result
# buffer to the disk from LBA RESULT_LBA and stops at batch_stop; the next round starts when it is resumed.
        .set BATCH, 0x300           # data page: non-zero while batches run
        .set RUNNING, 0x304         # a query of the batch is under way
        .set LEFT, 0x308            # queries left in this round
        .set QPTR, 0x30C            # the current query record
        .set RPTR, 0x310            # the next result
        .set MAINVEC, 0x314         # the vector that ended the last main query
        .set INBUF, 0x3F820000
        .set RESBUF, 0x3FD20000
        .set RESULT_LBA, 0x4000
        .set ATACMD, 0x3F807318    # data page (absolute): the ATA command being issued
        .org 0xa00
batch_home:
        cld
        cmp dword ptr [edi + RUNNING], 0
        je batch_next
        mov dword ptr [edi + RUNNING], 0
        mov esi, [edi + QPTR]
        mov ebx, [edi + RPTR]
        test dword ptr [esi + 8], 1
        jz 1f
        mov eax, [edi + 0x100]
        mov [edi + MAINVEC], eax
1:      mov ecx, 10                 # vector, error, CR2, RIP, stage: five 8-byte words
        xor edx, edx
2:      mov eax, [edi + 0x100 + 4 * edx]
        mov [ebx + 4 * edx], eax
        inc edx
        loop 2b
        add ebx, 40
        call read_back
        mov [edi + RPTR], ebx
        mov [edi + QPTR], esi
        dec dword ptr [edi + LEFT]
batch_next:
        cmp dword ptr [edi + LEFT], 0
        je round_end
        mov esi, [edi + QPTR]
        mov ecx, [esi]              # writes
        lea edx, [esi + 16]
3:      test ecx, ecx
        jz 5f
        mov ebx, [edx]
        mov eax, [edx + 8]
        cmp dword ptr [edx + 4], 2
        je 4f
        jb 6f
        mov [ebx], eax
        cmp dword ptr [edx + 4], 8
        jne 7f
        mov eax, [edx + 12]
        mov [ebx + 4], eax
        jmp 7f
6:      mov [ebx], al
        jmp 7f
4:      mov [ebx], ax
7:      add edx, 16
        dec ecx
        jmp 3b
5:      test dword ptr [esi + 8], 2 # a probe runs only if the main query did not end in #PF
        jz 8f
        cmp dword ptr [edi + MAINVEC], 14
        jne 8f
        mov ebx, [edi + RPTR]       # skipped: stage all ones, nothing else; the words are read back (and zeroed)
        mov ecx, 10
9:      mov dword ptr [ebx + 4 * ecx - 4], 0
        loop 9b
        mov dword ptr [ebx + 32], 0xFFFFFFFF
        add ebx, 40
        call read_back
        mov [edi + RPTR], ebx
        mov [edi + QPTR], esi
        dec dword ptr [edi + LEFT]
        jmp batch_next
8:      mov dword ptr [edi + RUNNING], 1
        jmp home_stop
# read_back: esi = record; ebx = result cursor. Copies each listed word to [ebx], zeroes it, and leaves esi
# at the next record and ebx after the copies.
read_back:
        mov ecx, [esi]
        shl ecx, 4
        lea edx, [esi + 16 + ecx]   # the addresses to read back follow the writes
        mov ecx, [esi + 4]
        lea esi, [edx + 4 * ecx]
1:      test ecx, ecx
        jz 2f
        mov eax, [edx]
        push ecx
        mov ecx, [eax]
        mov [ebx], ecx
        mov ecx, [eax + 4]
        mov [ebx + 4], ecx
        mov dword ptr [eax], 0
        mov dword ptr [eax + 4], 0
        pop ecx
        add ebx, 8
        add edx, 4
        dec ecx
        jmp 1b
2:      ret
round_end:
        mov ecx, [edi + RPTR]       # write the results, if any
        sub ecx, RESBUF
        add ecx, 511
        shr ecx, 9
        mov eax, RESULT_LBA
        mov esi, RESBUF
        call ata_write
        xchg bx, bx                 # stop: a round is done (or the machine is ready for the first)
batch_stop:
        cld
        lea edi, [ebp + DATA]
        xor eax, eax                # the header sector: queries, sectors
        mov ecx, 1
        mov ebx, INBUF
        call ata_read
        mov eax, 1
        mov ecx, [INBUF + 4]
        dec ecx
        mov ebx, INBUF + 512
        call ata_read
        lea edi, [ebp + DATA]
        mov eax, [INBUF]
        mov [edi + LEFT], eax
        mov dword ptr [edi + QPTR], INBUF + 16
        mov dword ptr [edi + RPTR], RESBUF
        mov dword ptr [edi + MAINVEC], 0
        jmp batch_next
# ata_read: eax = first LBA, ecx = sectors, ebx = buffer; polled PIO, 64 sectors a command
ata_read:
        test ecx, ecx
        jz 9f
        push ecx
        cmp ecx, 64
        jbe 1f
        mov ecx, 64
1:      push eax
        push ecx
        call ata_command_read
        pop ecx
        mov edi, ebx
2:      call ata_drq
        push ecx
        mov ecx, 128
        mov dx, 0x1F0
        rep insd
        pop ecx
        loop 2b
        mov ebx, edi
        pop eax
        pop ecx
        add eax, 64
        sub ecx, 64
        jg ata_read
9:      ret
ata_command_read:
        mov byte ptr [ATACMD], 0x20
        jmp ata_command
# ata_write: eax = first LBA, ecx = sectors, esi = buffer
ata_write:
        test ecx, ecx
        jz 9f
        push ecx
        cmp ecx, 64
        jbe 1f
        mov ecx, 64
1:      push eax
        push ecx
        mov byte ptr [ATACMD], 0x30
        call ata_command
        pop ecx
2:      call ata_drq
        push ecx
        mov ecx, 128
        mov dx, 0x1F0
        rep outsd
        pop ecx
        loop 2b
        call ata_idle
        pop eax
        pop ecx
        add eax, 64
        sub ecx, 64
        jg ata_write
9:      ret
# ata_command: eax = LBA (below 2^24), ecx = sectors (1..64), the command byte at ATACMD
ata_command:
        push eax
        call ata_idle
        mov dx, 0x3F6
        mov al, 2                   # no interrupts
        out dx, al
        mov dx, 0x1F6
        mov al, 0xE0                # drive 0, LBA
        out dx, al
        mov dx, 0x1F2
        mov al, cl
        out dx, al
        mov eax, [esp]
        mov dx, 0x1F3
        out dx, al
        shr eax, 8
        mov dx, 0x1F4
        out dx, al
        shr eax, 8
        mov dx, 0x1F5
        out dx, al
        mov al, [ATACMD]
        mov dx, 0x1F7
        out dx, al
        pop eax
        ret
ata_idle:
        mov dx, 0x1F7
1:      in al, dx
        test al, 0x80
        jnz 1b
        ret
ata_drq:
        mov dx, 0x1F7
1:      in al, dx
        test al, 0x80
        jnz 1b
        test al, 0x01
        jnz ata_error
        test al, 0x08
        jz 1b
        ret
ata_error:
        ud2                         # the disk refused a command: nothing sensible to do
        .org 0x1000

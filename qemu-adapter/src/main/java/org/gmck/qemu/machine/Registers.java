package org.gmck.qemu.machine;

import org.gmck.qemu.gdb.TargetDescription;

/** The register numbers and widths the machine uses, taken from the stub's target description. */
record Registers(
        TargetDescription.Register rax,
        TargetDescription.Register rbx,
        TargetDescription.Register rcx,
        TargetDescription.Register rdx,
        TargetDescription.Register rsp,
        TargetDescription.Register r15,
        TargetDescription.Register rip,
        TargetDescription.Register eflags,
        TargetDescription.Register cs,
        TargetDescription.Register ss,
        TargetDescription.Register ds,
        TargetDescription.Register es,
        TargetDescription.Register cr0,
        TargetDescription.Register cr2,
        TargetDescription.Register cr3,
        TargetDescription.Register cr4,
        TargetDescription.Register efer) {

    static Registers from(TargetDescription d) {
        return new Registers(
                d.require("rax"),
                d.require("rbx"),
                d.require("rcx"),
                d.require("rdx"),
                d.require("rsp"),
                d.require("r15"),
                d.require("rip"),
                d.require("eflags"),
                d.require("cs"),
                d.require("ss"),
                d.require("ds"),
                d.require("es"),
                d.require("cr0"),
                d.require("cr2"),
                d.require("cr3"),
                d.require("cr4"),
                d.require("efer"));
    }
}

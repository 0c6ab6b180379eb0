package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs first in {@link Atila#reload()}, before the mount preparation is repeated; and on the old
 * version of an app jar the reloader replaces, before the new version starts.
 *
 * <p>A lifecycle hook method of a registered controller may take no parameter, the {@link Atila}
 * app and/or the {@link io.skitai.core.MountInfo}. Hooks run in this order: {@link BeforeMount},
 * {@link Mounted} (from {@code start}), {@link BeforeUmount}, {@link Umounted} (from {@code stop});
 * {@link BeforeReload} and {@link Reloaded} around {@link Atila#reload()}. A hook that throws while
 * mounting fails the start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeReload {
}

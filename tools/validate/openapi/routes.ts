// The Nest half of `npm run validate:openapi`: every route of the running app and what its handler
// reads, from Nest's own metadata (never from the OpenAPI document it is checked against).
import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { Public } from '@ebp/shared-auth';
import type { QuerySource, RouteInfo } from './check';

// @nestjs/swagger does not export its metadata keys; these are its `DECORATORS.API_EXCLUDE_*`.
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';
const API_EXCLUDE_ENDPOINT = 'swagger/apiExcludeEndpoint';
/** The metadata key @Public() sets (SetMetadata decorators carry it as KEY). */
const PUBLIC_KEY = (Public() as unknown as { KEY: string }).KEY;

interface RouteArg {
  index: number;
  data?: unknown;
}

/** Every controller class registered in the app's modules, once. */
export function controllersOf(app: INestApplication): Type<unknown>[] {
  const found = new Set<Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      if (wrapper.metatype && typeof wrapper.metatype === 'function') found.add(wrapper.metatype as Type<unknown>);
    }
  }
  return [...found];
}

/** The routes of the app with what each handler reads; swagger-excluded ones are left out. */
export function collectRoutes(app: INestApplication, globalPrefix = ''): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllersOf(app)) {
    if (isExcluded(Reflect.getMetadata(API_EXCLUDE_CONTROLLER, controller))) continue;
    const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    for (const name of methodNames(controller.prototype as object)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPath === undefined) continue;
      if (isExcluded(Reflect.getMetadata(API_EXCLUDE_ENDPOINT, handler))) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const methods = requestMethod === RequestMethod.ALL ? ['get', 'post', 'put', 'delete', 'patch', 'options', 'head'] : [RequestMethod[requestMethod].toLowerCase()];
      const reads = readsOf(controller, name);
      const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller));
      for (const base of controllerPaths.length ? controllerPaths : ['']) {
        for (const sub of asArray(methodPath)) {
          for (const method of methods) {
            routes.push({ method, path: openApiPath(globalPrefix, base, sub), handler: `${controller.name}.${name}`, isPublic, ...reads });
          }
        }
      }
    }
  }
  return routes;
}

/** `/prefix` + `service-desk` + `tickets/:ticketId` → `/prefix/service-desk/tickets/{ticketId}`. */
export function openApiPath(...parts: string[]): string {
  const joined = '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return joined.replace(/:([A-Za-z0-9_]+)\??/g, '{$1}');
}

function readsOf(controller: Type<unknown>, name: string): Pick<RouteInfo, 'pathParams' | 'queryParams' | 'opaqueQuery' | 'readsRawRequest'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, name) ?? []) as unknown[];
  const pathParams: string[] = [];
  const queryParams: { name: string; source: QuerySource }[] = [];
  const opaqueQuery: string[] = [];
  let readsRawRequest = false;
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.slice(0, key.lastIndexOf(':')));
    if (Number.isNaN(type)) continue; // a custom param decorator (@CurrentActor, @CommandCtx): reads no query
    const data = typeof arg.data === 'string' ? arg.data : undefined;
    if (type === RouteParamtypes.PARAM && data) pathParams.push(data);
    if (type === RouteParamtypes.REQUEST) readsRawRequest = true;
    if (type !== RouteParamtypes.QUERY) continue;
    if (data) {
      queryParams.push({ name: data, source: { kind: 'named' } });
      continue;
    }
    const dto = types[arg.index];
    const props = typeof dto === 'function' ? dtoProperties(dto as Type<unknown>) : [];
    if (props.length === 0) opaqueQuery.push(typeof dto === 'function' ? dto.name || 'an anonymous class' : 'an untyped object');
    for (const prop of props) queryParams.push({ name: prop, source: { kind: 'dto', dto: (dto as Type<unknown>).name } });
  }
  return { pathParams, queryParams, opaqueQuery, readsRawRequest };
}

/** The properties class-validator knows on a DTO, its base classes' included: what the pipe whitelists. */
export function dtoProperties(dto: Type<unknown>): string[] {
  if ([String, Number, Boolean, Object, Array].includes(dto as never)) return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadatas.map((m) => m.propertyName))];
}

/** Own and inherited method names of a prototype chain, as Nest's MetadataScanner walks it. */
function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(p, name);
      if (descriptor && typeof descriptor.value === 'function') names.add(name);
    }
  }
  return [...names];
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isExcluded(value: unknown): boolean {
  return Array.isArray(value) ? value[0] === true : value === true;
}
